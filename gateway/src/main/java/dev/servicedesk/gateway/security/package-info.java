/**
 * The front door's authentication and role checks: bearer tokens (the local issuer's, or an OIDC
 * provider's) and API keys stored hashed, each bound to a role and a channel or department; the role
 * matrix of {@code dev.servicedesk.security.ApiAccess}; {@code /internal/**} refused; an API-key caller's
 * request forwarded with a short-lived token of the local issuer so the services can check it too.
 */
package dev.servicedesk.gateway.security;
