package dev.servicedesk.gateway.security;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keyFolder        the local issuer's keys (shared with the services in the embedded default)
 * @param apiKeysFile      the hashed API keys, one per line (see {@link ApiKeys})
 * @param oidcIssuerUri    an OIDC provider whose tokens are accepted besides the local issuer's
 * @param relayTokenValidity how long the token forwarded for an API-key caller is valid; reused for most of it
 */
@ConfigurationProperties("servicedesk.gateway.security")
record GatewaySecurityProperties(Path keyFolder, Path apiKeysFile, String oidcIssuerUri, Duration relayTokenValidity) {
}
