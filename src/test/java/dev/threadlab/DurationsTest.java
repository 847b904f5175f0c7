package dev.threadlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsTheFormsPeopleType() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("5us")).isEqualTo(Duration.ofNanos(5000));
        assertThat(Durations.parse("0")).isZero();
        assertThat(Durations.parse("PT2S")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void rejectsWhatIsNotADuration() {
        assertThatThrownBy(() -> Durations.parse("10")).hasMessageContaining("expected a duration like 250ms");
        assertThatThrownBy(() -> Durations.parse("ten seconds")).hasMessageContaining("got 'ten seconds'");
        assertThatThrownBy(() -> Durations.parse("5s garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsBackToWhatItReads() {
        for (String s : new String[] {"250ms", "1s", "1m30s", "5us", "2h", "0"}) {
            assertThat(Durations.format(Durations.parse(s))).isEqualTo(s);
        }
    }
}
