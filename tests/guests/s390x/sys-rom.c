/* SPDX-License-Identifier: MIT */
/* One partition with a read-only slot: guest 0-16 MiB RAM and, right above
 * it, 1 MiB of ROM (SLOT_F_READONLY) that the rom guest's .rom and
 * .romtext sections are linked into. Hand-written because tools/mkconfig
 * gives each partition one writable slot. */
#include "hv/config.h"

HV_IMAGE(guest_rom, "guest-rom.elf");

HV_CONFIG("s390x-g-rom", 0, 1,
          {
              {
                  .name = "p0-rom",
                  .cpus = 0x1,
                  .nr_slots = 2,
                  .slots = {{.gpa = 0x0, .hpa = 0x2000000, .size = 0x1000000},
                            {.gpa = 0x1000000,
                             .hpa = 0x3000000,
                             .size = 0x100000,
                             .flags = SLOT_F_READONLY}},
                  .fault_policy = FAULT_PARK,
                  .image = guest_rom,
                  .image_end = guest_rom_end,
                  .cmdline = "rom=16",
              },
          });
