// N live migrations of one VM with SimGrid's live-migration plugin, timed on the wall clock, for miglab's
// comparison (scripts/bench-vs-simgrid.sh). SimGrid's plugin is a fluid model: no pages; the VM dirties
// (flops it computes) x (migration speed x dirty-page intensity / host speed) bytes, at most its working set,
// and pre-copy rounds go on until the dirty bytes fit the maximum downtime (30 ms by default).
//
// The case: a 1 GiB guest, migration speed 100 MB/s, intensity 0.1 (10 MB/s = 2,441 pages of 4 KiB per second,
// the VM computing all the time), working set 0.9 of its memory.
//
// Usage: simgrid_migrations [N]     prints one line: the wall time per migration and the simulated duration.
#include <simgrid/plugins/live_migration.h>
#include <simgrid/s4u.hpp>
#include <simgrid/s4u/VirtualMachine.hpp>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace sg4 = simgrid::s4u;

namespace {
constexpr double kMemoryBytes = 1024.0 * 1024 * 1024;
constexpr double kMigrationBytesPerSecond = 100e6;
constexpr double kDirtyIntensity = 0.1;
constexpr double kWorkingSetShare = 0.9;

int migrations = 1000;
double wall_seconds = 0;
double cpu_seconds = 0;
double first_simulated_seconds = 0;
double total_simulated_seconds = 0;

// Runs on the VM: computes until the VM is destroyed, so the plugin sees flops, hence dirty bytes, during the
// migration.
void busy_guest() {
  for (;;)
    sg4::this_actor::execute(1e18);
}

// One fresh VM per migration (created, started with its busy guest, migrated from a to b, destroyed), so every
// migration is the same case and nothing carries over from one to the next.
void migrate_fresh_vms(sg4::Host* a, sg4::Host* b) {
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  for (int i = 0; i < migrations; i++) {
    auto* vm = a->create_vm("vm-" + std::to_string(i), 1, static_cast<size_t>(kMemoryBytes));
    sg_vm_set_migration_speed(vm, kMigrationBytesPerSecond);
    sg_vm_set_dirty_page_intensity(vm, kDirtyIntensity);
    sg_vm_set_working_set_memory(vm, static_cast<sg_size_t>(kWorkingSetShare * kMemoryBytes));
    vm->start();
    sg4::ActorPtr guest = sg4::Actor::create("guest", vm, busy_guest);
    double t0 = sg4::Engine::get_clock();
    sg_vm_migrate(vm, b);
    double took = sg4::Engine::get_clock() - t0;
    if (i == 0)
      first_simulated_seconds = took;
    total_simulated_seconds += took;
    guest->kill();
    vm->destroy();
  }
  wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
}
} // namespace

int main(int argc, char** argv) {
  sg4::Engine engine(&argc, argv);
  if (argc > 1)
    migrations = std::atoi(argv[1]);
  if (migrations < 1) {
    std::fprintf(stderr, "simgrid_migrations: N, a number of migrations >= 1 (got '%s')\n", argv[1]);
    return 2;
  }
  sg_vm_live_migration_plugin_init();

  auto* zone = sg4::create_full_zone("two-hosts");
  sg4::Host* a = zone->create_host("a", "1Gf");
  sg4::Host* b = zone->create_host("b", "1Gf");
  sg4::Link* link = zone->create_link("wire", "10GBps")->set_latency("10us");
  zone->add_route(a->get_netpoint(), b->get_netpoint(), nullptr, nullptr, {sg4::LinkInRoute(link)}, true);
  zone->seal();

  sg4::Actor::create("migrator", a, migrate_fresh_vms, a, b);
  engine.run();

  std::printf("simgrid %d migrations: %.4f ms per migration (wall), %.4f ms (cpu), simulated %.3f s each "
              "(first %.3f s)\n",
              migrations, wall_seconds * 1000 / migrations, cpu_seconds * 1000 / migrations,
              total_simulated_seconds / migrations, first_simulated_seconds);
  return 0;
}
