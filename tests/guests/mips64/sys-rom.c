/* SPDX-License-Identifier: MIT */
/* One partition with a read-only slot: guest-physical 0-64 MiB RAM (as
 * tools/mkconfig gives a partition) and, right above it, 1 MiB of ROM
 * (SLOT_F_READONLY) at 64 MiB, which the rom guest's .rom and .romtext
 * sections are linked into (kseg0 window address 0x44000000). Hand-written
 * because tools/mkconfig gives each partition one writable slot. */
#include "hv/config.h"

HV_IMAGE(guest_rom, "rom.elf");

HV_CONFIG("mips64-rom", 0, 1,
          {
              {
                  .name = "p0-rom",
                  .cpus = 0x1,
                  .nr_slots = 2,
                  .slots = {{.gpa = 0x0, .hpa = 0xa0000000, .size = 0x4000000},
                            {.gpa = 0x4000000,
                             .hpa = 0xa4000000,
                             .size = 0x100000,
                             .flags = SLOT_F_READONLY}},
                  .fault_policy = FAULT_PARK,
                  .flags = 0,
                  .image = guest_rom,
                  .image_end = guest_rom_end,
                  .cmdline = "rom=64",
                  .features = 0,
                  .nr_vcpus = 0,
                  .sched = SCHED_PINNED,
                  .slice_us = 0,
              },
          });
