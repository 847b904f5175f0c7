package dev.threadlab.probe.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalProcessTest {

    private static LocalProcess withArgs(String... args) {
        return new LocalProcess(1, "java", 0, "root", LocalProcess.Runtime.HOTSPOT, false, List.of(args), 'S');
    }

    @Test
    void thisJvmIsHotSpotAndOurs() {
        LocalProcess self = LocalProcess.of(ProcessHandle.current().pid()).orElseThrow();
        assertThat(self.runtime()).isEqualTo(LocalProcess.Runtime.HOTSPOT);
        assertThat(self.attachableByMe()).isTrue();
        assertThat(self.stopped()).isFalse();
        assertThat(self.uid()).isEqualTo(LocalProcess.myUid());
    }

    @Test
    void aSleepIsNotJava() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            LocalProcess p = LocalProcess.of(sleep.pid()).orElseThrow();
            assertThat(p.runtime()).isEqualTo(LocalProcess.Runtime.NOT_JAVA);
            assertThat(p.name()).isEqualTo("sleep");
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }

    @Test
    void aGonePidIsEmpty() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertThat(LocalProcess.of(p.pid())).isEmpty();
    }

    @Test
    void theMainClassSkipsOptionsAndTheirValues() {
        assertThat(withArgs("java", "-Xmx64m", "-cp", "a.jar:b.jar", "com.example.Main", "arg").mainClass())
                .isEqualTo("com.example.Main");
        assertThat(withArgs("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar", "app.jar").mainClass())
                .isEqualTo("app.jar");
        assertThat(withArgs("java", "-m", "my.module/my.Main").mainClass()).isEqualTo("my.module/my.Main");
        assertThat(withArgs("java", "-version").mainClass()).isEqualTo("unknown main class");
    }
}
