package jp.kessai.face.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.vault.KeyRotation;
import jp.kessai.core.vault.VaultKeyRotation;
import jp.kessai.platform.KessaiProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' key API (docs/operations.md): {@code POST /admin/keys/rotate?mode=TEST|PRODUCTION} makes a new vault
 * data key active at once and starts re-sealing the stored card numbers in the background (202 with the run);
 * {@code GET /admin/keys/rotations} and {@code GET /admin/keys/rotations/{id}} show runs and their progress. Every
 * request needs {@code Authorization: Bearer <kessai.admin.token>} (compared in constant time); without a configured
 * token the admin API does not exist (404).
 */
@RestController
class AdminKeysController {

    private final VaultKeyRotation rotation;
    private final byte[] token;

    AdminKeysController(VaultKeyRotation rotation, KessaiProperties properties) {
        this.rotation = rotation;
        this.token = properties.admin().token().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = "/admin/keys/rotate", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> rotate(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam(name = "mode", defaultValue = "TEST") String mode) {
        var refusal = refuse(authorization);
        if (refusal != null) {
            return refusal;
        }
        ShopMode shopMode;
        try {
            shopMode = ShopMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, "mode must be TEST or PRODUCTION");
        }
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(rotation.start(shopMode)));
        } catch (IllegalStateException e) {
            return error(HttpStatus.CONFLICT, "no vault keys are configured for " + shopMode + " mode");
        }
    }

    @GetMapping(path = "/admin/keys/rotations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> rotations(@RequestHeader(name = "Authorization", required = false) String authorization) {
        var refusal = refuse(authorization);
        if (refusal != null) {
            return refusal;
        }
        return ResponseEntity.ok(rotation.recent().stream().map(AdminKeysController::view).toList());
    }

    @GetMapping(path = "/admin/keys/rotations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> rotation(@RequestHeader(name = "Authorization", required = false) String authorization,
            @PathVariable("id") String id) {
        var refusal = refuse(authorization);
        if (refusal != null) {
            return refusal;
        }
        try {
            return ResponseEntity.ok(view(rotation.status(Long.parseLong(id))));
        } catch (NumberFormatException | NoSuchElementException e) {
            return error(HttpStatus.NOT_FOUND, "no such rotation");
        }
    }

    private ResponseEntity<Object> refuse(String authorization) {
        if (token.length == 0) {
            return error(HttpStatus.NOT_FOUND, "not found");
        }
        byte[] given = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            return error(HttpStatus.UNAUTHORIZED, "unauthorized");
        }
        return null;
    }

    private static ResponseEntity<Object> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }

    private static Map<String, Object> view(KeyRotation run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", run.id());
        view.put("mode", run.mode());
        view.put("dataKeyId", run.targetKeyId());
        view.put("state", run.state());
        view.put("rowsResealed", run.rowsResealed());
        view.put("rowsRemaining", run.rowsRemaining());
        view.put("startedAt", run.startedAt().toString());
        view.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        return view;
    }
}
