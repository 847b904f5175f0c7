package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InterleavingTest {

    @Test
    void eachThreadKeepsItsOwnOrderWhileTheMixChangesFromRunToRun() {
        Set<String> orders = new HashSet<>();
        for (int run = 0; run < 8 && orders.size() < 2; run++) {
            Result r = HeadlessHarness.run("interleaving", Map.of("count", "6", "pace", "10ms"),
                    Duration.ofMillis(20), null);
            String order = r.summary().get("order").asText();
            List<String> items = List.of(order.split(" "));
            assertThat(items.stream().filter(s -> Character.isDigit(s.charAt(0))))
                    .containsExactly("0", "1", "2", "3", "4", "5");
            assertThat(items.stream().filter(s -> Character.isLetter(s.charAt(0))))
                    .containsExactly("A", "B", "C", "D", "E", "F");
            List<String> printedBy = new ArrayList<>();
            r.output().forEach(o -> printedBy.add(o.get("thread").asText()));
            assertThat(printedBy).contains("numbers", "letters");
            orders.add(order);
        }
        assertThat(orders).as("the interleaving differs between runs").hasSizeGreaterThan(1);
    }

    @Test
    void lettersGoOnPastZ() {
        assertThat(Interleaving.letter(0)).isEqualTo("A");
        assertThat(Interleaving.letter(25)).isEqualTo("Z");
        assertThat(Interleaving.letter(26)).isEqualTo("AA");
        assertThat(Interleaving.letter(27)).isEqualTo("AB");
    }
}
