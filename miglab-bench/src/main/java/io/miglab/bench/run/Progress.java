package io.miglab.bench.run;

import java.time.Duration;

/**
 * Where a benchmark run is.
 *
 * @param done      steps finished (a step is one baseline or one migration point)
 * @param total     all steps of the run
 * @param step      what runs now, e.g. {@code light mem-mid point 2/3}
 * @param elapsed   time since the run started
 * @param remaining estimated time left: the platform's a-priori step lengths, scaled by how fast the finished steps
 *                  really went
 */
public record Progress(int done, int total, String step, Duration elapsed, Duration remaining) {
}
