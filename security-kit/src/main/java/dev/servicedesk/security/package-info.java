/**
 * What the gateway and every service agree on about access: the roles and the token claims that
 * carry them ({@link dev.servicedesk.security.Role}, {@link dev.servicedesk.security.Caller}), the
 * public API's role matrix ({@link dev.servicedesk.security.ApiAccess}), the local token issuer of
 * the embedded default ({@link dev.servicedesk.security.LocalIssuer}) and the problem+json answers to
 * 401 and 403 ({@link dev.servicedesk.security.ProblemResponses}).
 */
package dev.servicedesk.security;
