package io.miglab.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DeferredTextsTest {
    private final AtomicInteger made = new AtomicInteger();

    private Supplier<String> counted(String text) {
        return () -> {
            made.incrementAndGet();
            return text;
        };
    }

    private MigrationResult result(List<String> assumptions) {
        return new MigrationResult("closed-form", "precopy", new Outcome(true, true, StopReason.DOWNTIME_LIMIT_MET),
                new Timing(1, 2, 3, 4, 5), new Traffic(6, 7, 8, 9, 10, 11, 12), new GuestImpact(0, 0, 0), List.of(),
                assumptions);
    }

    // Guards what a sweep saves: a result and its copies (other figures, fate, stages) do not make their assumption
    // texts until something reads them; a sweep of closed-form points reads none.
    @Test
    void aResultAndItsCopies_makeNoTextUntilRead() {
        MigrationResult r = result(new DeferredTexts.Builder().add(counted("a")).add(counted("b")).build());
        MigrationResult copy = r.withFate(r.fate()).withStages(r.stages()).withHostCost(HostCost.none());
        assertThat(copy.assumptions().size()).isEqualTo(2);
        assertThat(made).hasValue(0);
        assertThat(copy.assumptions()).containsExactly("a", "b");
        assertThat(made).hasValue(2);
    }

    // Guards the result's value: read, the texts are those the makers give, each made once, and the result equals
    // (and hashes as) one built with the same texts as a plain list.
    @Test
    void readTexts_areTheMakersTexts_madeOnce_andEqualAPlainList() {
        List<String> texts = new DeferredTexts.Builder().add(counted("bandwidth constant")).add("given")
                .add(counted("pre-copy: ...")).build();
        MigrationResult r = result(texts);
        MigrationResult plain = result(List.of("bandwidth constant", "given", "pre-copy: ..."));
        assertThat(r).isEqualTo(plain);
        assertThat(r.hashCode()).isEqualTo(plain.hashCode());
        assertThat(texts.get(0)).isSameAs(texts.get(0));
        assertThat(new ArrayList<>(texts)).containsExactly("bandwidth constant", "given", "pre-copy: ...");
        assertThat(made).hasValue(2);
        assertThat(new DeferredTexts.Builder().build()).isEmpty();
    }

    // Guards the list as the result's other lists are: it cannot be changed, and a maker giving null is refused.
    @Test
    void theTexts_cannotBeChanged_norBeNull() {
        List<String> texts = new DeferredTexts.Builder().add("a").add(() -> null).build();
        assertThatThrownBy(() -> texts.add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> texts.set(0, "c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> texts.get(1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> texts.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
