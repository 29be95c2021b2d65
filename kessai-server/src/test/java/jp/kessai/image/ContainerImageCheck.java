package jp.kessai.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the OCI image that {@code ./mvnw -Pimage package} writes (target/kessai-image.tar) the way a container
 * runtime would (index, manifest, config, layers) and checks what docs/operations.md promises: the entrypoint, a
 * non-root user, the exposed port, the data volume, the environment, and that the files the entrypoint needs are in
 * the layers. Not a *Test or *IT: it needs the image, so .ci/run runs it after building one
 * ({@code -Pimage verify -Dit.test=ContainerImageCheck}).
 */
class ContainerImageCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path TARBALL = Path.of("target", "kessai-image.tar");

    private static final Map<String, byte[]> blobs = new HashMap<>();
    private static JsonNode manifest;
    private static JsonNode config;

    @BeforeAll
    static void readTarball() throws IOException {
        assertThat(TARBALL).as("build the image first: ./mvnw -Pimage package").exists();
        try (var tar = new TarArchiveInputStream(Files.newInputStream(TARBALL))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile()) {
                    blobs.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        assertThat(blobs).containsKeys("oci-layout", "index.json");
        JsonNode index = JSON.readTree(blobs.get("index.json"));
        manifest = JSON.readTree(blob(index.get("manifests").get(0).get("digest").asString()));
        assertThat(manifest.get("mediaType").asString()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        config = JSON.readTree(blob(manifest.get("config").get("digest").asString()));
    }

    private static byte[] blob(String digest) {
        byte[] bytes = blobs.get("blobs/" + digest.replace(':', '/'));
        assertThat(bytes).as("blob %s in the tarball", digest).isNotNull();
        return bytes;
    }

    @Test
    void entrypointRunsKessaiWithTheImagesOwnJava() {
        assertThat(strings(config.get("config").get("Entrypoint"))).containsExactly("/opt/java/bin/java",
                "-XX:MaxRAMPercentage=75", "-cp", "@/app/jib-classpath-file", "jp.kessai.KessaiApplication");
    }

    @Test
    void runsAsAnUnprivilegedUser() {
        String user = config.get("config").get("User").asString();
        assertThat(user).isEqualTo("65532");
        assertThat(user).isNotIn("0", "root", "");
    }

    @Test
    void exposesPort8080AndKeepsDataUnderAVolume() {
        var inner = config.get("config");
        assertThat(names(inner.get("ExposedPorts"))).containsExactly("8080/tcp");
        assertThat(names(inner.get("Volumes"))).containsExactly("/data");
        assertThat(strings(inner.get("Env"))).contains("SERVER_ADDRESS=0.0.0.0", "SERVER_PORT=8080",
                "KESSAI_DATA_DIR=/data");
        assertThat(inner.get("WorkingDir").asString()).isEqualTo("/data");
        assertThat(config.get("os").asString()).isEqualTo("linux");
        assertThat(config.get("architecture").asString()).isEqualTo("amd64");
    }

    @Test
    void theLayersHoldWhatTheEntrypointNeeds() throws IOException {
        Map<String, TarArchiveEntry> files = new HashMap<>();
        String passwd = null;
        for (JsonNode layer : manifest.get("layers")) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(blob(layer.get("digest").asString())));
                 var tar = new TarArchiveInputStream(in)) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String name = entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                    files.put(name.endsWith("/") ? name.substring(0, name.length() - 1) : name, entry);
                    if (name.equals("etc/passwd")) {
                        passwd = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        for (String executable : List.of("opt/java/bin/java", "opt/java/lib/jspawnhelper", "bin/sh",
                "lib64/ld-linux-x86-64.so.2")) {
            assertThat(files).as(executable).containsKey(executable);
            assertThat(files.get(executable).getMode() & 0111).as("%s is executable", executable).isNotZero();
        }
        assertThat(files).containsKeys("app/jib-classpath-file", "app/classes/jp/kessai/KessaiApplication.class",
                "lib/x86_64-linux-gnu/libc.so.6", "lib/x86_64-linux-gnu/libstdc++.so.6", "opt/java/lib/modules");
        assertThat(files.get("data").isDirectory()).isTrue();
        assertThat(files.get("data").getMode() & 0777).as("/data writable by uid 65532").isEqualTo(0777);
        assertThat(passwd).as("initdb looks the user up").contains("kessai:x:65532:65532:");
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> names(JsonNode object) {
        return object.propertyNames().stream().toList();
    }
}
