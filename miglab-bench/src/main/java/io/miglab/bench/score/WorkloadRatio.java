package io.miglab.bench.score;

/** One term of a Virt-LM score: the platform's mean P over its migration points and the reference's R. */
public record WorkloadRatio(String workload, double platform, double reference) {
    public double ratio() {
        return platform / reference;
    }
}
