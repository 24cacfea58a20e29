package io.miglab.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Baseline;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store on a real PostgreSQL server, the way a lab shares one: --db jdbc:postgresql://... */
class PostgresStoreTest {
    private static PostgresCluster cluster;

    @BeforeAll
    static void startServer() throws Exception {
        cluster = PostgresCluster.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (cluster != null) cluster.close();
    }

    // The DDL and SQL must run on PostgreSQL too (identity columns, ON CONFLICT, booleans, NULL scores).
    @Test
    void aRunRoundTripsThroughPostgresUnchanged() {
        try (ResultsStore store = ResultsStore.open(cluster.jdbcUrl())) {
            long id = store.beginRun("pg", "sim", "sim-kvm-precopy-1g", "{\"x\":2}");
            store.finishRun(id, RunStatus.COMPLETE, null,
                    List.of(new Baseline("mem-low", HostLoad.LIGHT, 1000, "pages/s", 0)),
                    StoreFixtures.measurements(), StoreFixtures.scores(), "sim-kvm-precopy-1g");
            RunRecord r = store.loadRun(id).orElseThrow();
            assertThat(r.info().status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(r.measurements()).containsExactlyElementsOf(StoreFixtures.measurements());
            assertThat(r.scores()).containsExactlyElementsOf(StoreFixtures.scores());
        }
    }

    // Two lab machines writing the same configuration must share one configs row, not fail on the unique key.
    @Test
    void equalConfigurationsAreStoredOnce() throws Exception {
        try (ResultsStore a = ResultsStore.open(cluster.jdbcUrl());
             ResultsStore b = ResultsStore.open(cluster.jdbcUrl())) {
            a.beginRun("a", "sim", "r", "{\"same\":true}");
            b.beginRun("b", "sim", "r", "{\"same\":true}");
        }
        try (var c = DriverManager.getConnection(cluster.jdbcUrl());
             var rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM configs WHERE json = '{\"same\":true}'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    // The transaction is all or nothing on PostgreSQL as well.
    @Test
    void aFailedFinishRollsBackOnPostgres() {
        try (ResultsStore store = ResultsStore.open(cluster.jdbcUrl())) {
            long id = store.beginRun("dup", "sim", "r", "{}");
            var m = StoreFixtures.measurements().get(0);
            assertThatThrownBy(() -> store.finishRun(id, RunStatus.COMPLETE, null, List.of(), List.of(m, m),
                    List.of(), "r")).isInstanceOf(StoreException.class);
            RunRecord r = store.loadRun(id).orElseThrow();
            assertThat(r.info().status()).isEqualTo(RunStatus.RUNNING);
            assertThat(r.measurements()).isEmpty();
        }
    }
}
