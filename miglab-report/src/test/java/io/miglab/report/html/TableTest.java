package io.miglab.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.report.testing.ReportChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    private final Table table = new Table("migrations", List.of(Table.Column.text("VM"),
            Table.Column.number("downtime", "ms"), Table.Column.number("rounds")))
            .row("web-1 <b>", "16.1", "2");

    // Names were right-aligned and numbers carried their own units; a column says its unit once, in the header.
    @Test
    void textIsLeftNumbersRightTheUnitInTheHeader() {
        String html = table.html();
        assertThat(html).contains("<th class=\"text\">VM</th>", "<th class=\"num\">downtime (ms)</th>",
                "<th class=\"num\">rounds</th>", "<td class=\"text\">web-1 &lt;b&gt;</td>",
                "<td class=\"num\">16.1</td>");
        ReportChecks.assertOneUnitPerColumn(html);
    }

    @Test
    void aUnitInANumberCellIsCaught() {
        Table bad = new Table("t", List.of(Table.Column.number("throughput"))).row("95.6 requests/s");
        assertThatThrownBy(() -> ReportChecks.assertOneUnitPerColumn(bad.html())).isInstanceOf(AssertionError.class);
    }

    // Three figures per metric made the comparison table too wide to read; a group header carries the metric.
    @Test
    void groupedColumnsShareAHeaderCell() {
        String html = new Table("cmp", List.of(Table.Column.text("workload"),
                Table.Column.number("A", "ms").in("downtime"), Table.Column.number("B", "ms").in("downtime"),
                Table.Column.number("B/A").in("downtime"))).row("idle", "22.1", "22.1", "1.00").html();
        assertThat(html).contains("<th class=\"text\" rowspan=\"2\">workload</th><th class=\"group\" colspan=\"3\">"
                + "downtime</th></tr>", "<tr><th class=\"num\">A (ms)</th><th class=\"num\">B (ms)</th>"
                + "<th class=\"num\">B/A</th></tr>");
        ReportChecks.assertOneUnitPerColumn(html);
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThatThrownBy(() -> table.row("only one")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePageIsSelfContainedAndEscaped() {
        String page = new Page("a <report>").heading("Summary").table(table).note("x & y").render();
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<h1>a &lt;report&gt;</h1>", "x &amp; y", "<style>");
        assertThat(page).doesNotContainPattern("(?i)<script|<link|<img|@import|url\\(");
    }
}
