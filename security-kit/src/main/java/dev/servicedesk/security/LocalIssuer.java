package dev.servicedesk.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The embedded default's token issuer: an RSA key pair kept under the data folder
 * ({@value #PRIVATE_KEY_FILE}, {@value #PUBLIC_KEY_FILE}), created on first use, that signs tokens with
 * Spring Security's Nimbus encoder and verifies them with its reactive decoder. Every application in the
 * local stack opens the same folder, so the gateway, the services and the command-line minter agree on
 * the key without any network call. In production an OIDC provider issues the tokens for people, and the
 * gateway keeps this issuer only to hand API-key callers a short-lived token for the services.
 */
public final class LocalIssuer {

    public static final String ISSUER = "servicedesk-local";
    public static final String PRIVATE_KEY_FILE = "issuer-private.pem";
    public static final String PUBLIC_KEY_FILE = "issuer-public.pem";
    private static final String LOCK_FILE = ".issuer.lock";
    private static final int KEY_BITS = 2048;

    /** One instance per folder and JVM: the local stack's applications share it and its parsed keys. */
    private static final Map<Path, LocalIssuer> OPEN = new ConcurrentHashMap<>();

    private final RSAPublicKey publicKey;
    private final RSAKey jwk;
    private final JwtEncoder encoder;
    private final Clock clock;

    private LocalIssuer(RSAPublicKey publicKey, RSAPrivateKey privateKey, Clock clock) {
        this.publicKey = publicKey;
        this.jwk = new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(keyId(publicKey)).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        this.clock = clock;
    }

    /** The issuer whose keys are in this folder, creating them (and the folder) when there are none yet. */
    public static LocalIssuer openOrCreate(Path folder) {
        return OPEN.computeIfAbsent(folder.toAbsolutePath().normalize(), LocalIssuer::loadOrCreate);
    }

    /** A token for this request, signed now. */
    public String mint(TokenRequest request) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(request.subject())
                .issuedAt(now)
                .expiresAt(now.plus(request.validFor()))
                .claim(TokenClaims.ROLES, List.of(request.role().wireName()));
        if (request.department() != null) {
            claims.claim(TokenClaims.DEPARTMENT, request.department());
        }
        if (request.channel() != null) {
            claims.claim(TokenClaims.CHANNEL, request.channel());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(jwk.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    /**
     * A decoder accepting this issuer's tokens only: its signature, its {@code iss}, not expired;
     * each distinct token is checked once ({@link VerifiedTokens}).
     */
    public ReactiveJwtDecoder decoder() {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey)
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return VerifiedTokens.remembering(decoder);
    }

    /** The public key as a JWK set document, for services that fetch it over HTTP instead of reading the folder. */
    public Map<String, Object> jwkSet() {
        return new JWKSet(jwk.toPublicJWK()).toJSONObject();
    }

    private static LocalIssuer loadOrCreate(Path folder) {
        try {
            Files.createDirectories(folder);
            // Separate processes (the stack and the command-line minter) may open the folder at once.
            try (FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
                Path publicFile = folder.resolve(PUBLIC_KEY_FILE);
                if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(KEY_BITS);
                    KeyPair pair = generator.generateKeyPair();
                    writeAtomically(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
                    writeAtomically(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
                }
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(unpem(publicFile)));
                RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(unpem(privateFile)));
                return new LocalIssuer(publicKey, privateKey, Clock.systemUTC());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the token issuer's keys in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token issuer's keys in " + folder + " are unreadable", e);
        }
    }

    private static void writeAtomically(Path file, String content, boolean secret) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    private static String keyId(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
