package io.miglab.datacenter.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.datacenter.report.PingPong.Move;
import java.util.List;
import org.junit.jupiter.api.Test;

class PingPongTest {
    // A VM sent back to the host it had just left was not pointed out anywhere in the report.
    @Test
    void aVmBackOnAHostItLeftIsFlagged() {
        List<PingPong.Flagged> f = PingPong.find(List.of(
                new Move("web-1", "h2", "h1", 300), new Move("web-1", "h1", "h2", 600),
                new Move("web-2", "h1", "h3", 300)), 3);
        assertThat(f).containsExactly(new PingPong.Flagged("web-1", List.of("h2", "h1", "h2"), true));
        assertThat(f.get(0).moves()).isEqualTo(2);
    }

    @Test
    void manyMovesAreFlaggedEvenWithoutReturning() {
        List<Move> moves = List.of(new Move("db", "h4", "h5", 900), new Move("db", "h1", "h2", 0),
                new Move("db", "h3", "h4", 600), new Move("db", "h2", "h3", 300));
        assertThat(PingPong.find(moves, 3)).containsExactly(new PingPong.Flagged("db",
                List.of("h1", "h2", "h3", "h4", "h5"), false));
        assertThat(PingPong.find(moves, 4)).isEmpty();
    }
}
