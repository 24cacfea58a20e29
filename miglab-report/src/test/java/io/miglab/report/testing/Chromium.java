package io.miglab.report.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for report tests: no network, no sandbox (tests run as root here), a throwaway profile.
 * A missing chromium fails the test; only {@code ./miglab test --skip-browser} (system property
 * {@code miglab.test.skip=browser}) makes it a skip.
 */
public final class Chromium {
    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    public static Chromium require() {
        Optional<Path> bin = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .stream().map(Path::of).filter(Files::isExecutable).findFirst();
        if (bin.isEmpty()) {
            String msg = "chromium not found (apt-get install chromium)";
            if (List.of(System.getProperty("miglab.test.skip", "").split(",")).contains("browser")) {
                Assumptions.abort("skipped by --skip-browser: " + msg);
            }
            fail(msg + " (./miglab test --skip-browser skips the browser tests)");
        }
        return new Chromium(bin.get());
    }

    /** The DOM after the page has loaded and run. */
    public String dumpDom(Path html, Path profile) throws IOException, InterruptedException {
        Path out = Files.createTempFile(profile.getParent(), "dom", ".html");
        run(List.of("--dump-dom", html.toUri().toString()), profile, out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A PNG of the page's first {@code width} x {@code height} pixels. */
    public void screenshot(Path html, Path png, Path profile, int width, int height) throws IOException,
            InterruptedException {
        run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png, html.toUri().toString()), profile,
                Files.createTempFile(profile.getParent(), "shot", ".log"));
    }

    private void run(List<String> args, Path profile, Path stdout) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish within 120 s");
        }
        if (p.exitValue() != 0) throw new IOException("chromium exited with " + p.exitValue());
    }
}
