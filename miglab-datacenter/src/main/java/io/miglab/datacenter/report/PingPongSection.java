package io.miglab.datacenter.report;

import io.miglab.report.html.Page;
import io.miglab.report.html.Table;
import io.miglab.report.html.Table.Column;
import java.util.List;

/** The report's short section on VMs moved back and forth. */
final class PingPongSection {
    /** Rows shown; the rest are counted. */
    static final int ROWS = 20;

    private PingPongSection() { }

    static void write(Page p, List<PingPong.Flagged> flagged) {
        p.heading("VMs moved back and forth");
        if (flagged.isEmpty()) {
            p.paragraph("No VM went back to a host it had left, and none moved more than " + PingPong.MAX_MOVES
                    + " times.");
            return;
        }
        long back = flagged.stream().filter(PingPong.Flagged::returned).count();
        long many = flagged.stream().filter(f -> f.moves() > PingPong.MAX_MOVES).count();
        p.paragraph(flagged.size() + " VMs: " + back + " went back to a host they had left, " + many + " moved more"
                + " than " + PingPong.MAX_MOVES + " times. Such moves cost migrations and downtime without lasting"
                + " gain: a sign of thresholds set too close, or of a policy reacting to noise.");
        Table t = new Table("ping-pong", List.of(Column.text("VM"), Column.number("moves"),
                Column.text("back to a host it left"), Column.prose("hosts, in order")));
        for (PingPong.Flagged f : flagged.subList(0, Math.min(ROWS, flagged.size()))) {
            t.row(f.vm(), Integer.toString(f.moves()), f.returned() ? "yes" : "no", String.join(" → ", f.path()));
        }
        p.table(t);
        if (flagged.size() > ROWS) p.note("The first " + ROWS + " of " + flagged.size() + " (most moves first).");
    }
}
