package dev.servicedesk.kit.security;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which tokens a service accepts.
 *
 * @param keyFolder     the local issuer's key folder (the embedded default shares it with the gateway)
 * @param jwkSetUri     instead of the folder: where to fetch the local issuer's public key, e.g. the
 *                      gateway's {@code /oauth2/jwks} in a container deployment
 * @param oidcIssuerUri an OIDC provider whose tokens are accepted as well (production sign-in for people)
 */
@ConfigurationProperties("servicedesk.security")
public record ServiceSecurityProperties(Path keyFolder, URI jwkSetUri, String oidcIssuerUri) {
}
