package io.miglab.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QemuInstallationTest {
    // Guards against "no .miglab/guest folder found" outside the repository without saying how to point miglab at
    // a guest elsewhere (MIGLAB_GUEST_DIR) or how to make one (the setup script).
    @Test
    void notFound_namesTheVariableAndTheSetupScript() {
        String m = QemuInstallation.notFound(Path.of("/tmp/elsewhere"));
        assertThat(m).contains("/tmp/elsewhere").contains("MIGLAB_GUEST_DIR").contains("scripts/setup-qemu.sh")
                .doesNotContain("\n");
    }
}
