/* SPDX-License-Identifier: MIT */
/* Two partitions: p0 has two memory slots with a hole between them (guest
 * 0-16 MiB and 32-48 MiB), p1 runs the worker beside it on the other CPU.
 * Hand-written because tools/mkconfig gives each partition one slot. The
 * guest images are the test guests of this build directory (the compiler
 * and the config checker run there). */
#include "hv/config.h"

HV_IMAGE(guest_memmap, "guest-memmap.elf");
HV_IMAGE(guest_worker, "guest-worker.elf");

HV_CONFIG("s390x-g-memmap-gap", 0, 2,
          {
              {
                  .name = "p0-memmap-gap",
                  .cpus = 0x1,
                  .nr_slots = 2,
                  .slots = {{.gpa = 0x0, .hpa = 0x2000000, .size = 0x1000000},
                            {.gpa = 0x2000000, .hpa = 0x3000000, .size = 0x1000000}},
                  .fault_policy = FAULT_PARK,
                  .image = guest_memmap,
                  .image_end = guest_memmap_end,
                  .cmdline = "mem=48 hole=16-32",
              },
              {
                  .name = "p1-worker",
                  .cpus = 0x2,
                  .nr_slots = 1,
                  .slots = {{.gpa = 0x0, .hpa = 0x4000000, .size = 0x2000000}},
                  .fault_policy = FAULT_PARK,
                  .image = guest_worker,
                  .image_end = guest_worker_end,
                  .cmdline = "steps=10 step_ms=50",
              },
          });
