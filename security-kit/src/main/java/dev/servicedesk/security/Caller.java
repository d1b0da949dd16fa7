package dev.servicedesk.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated caller as the services see it: the token's subject, its roles and, for channel and
 * department callers, what they are bound to.
 *
 * @param subject    who acts: recorded as the actor of every step this caller takes
 * @param department the department a {@link Role#DEPARTMENT} caller reports for, else {@code null}
 * @param channel    the channel a {@link Role#CHANNEL} caller speaks for, else {@code null}
 */
public record Caller(String subject, Set<Role> roles, String department, String channel) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller of(Jwt token) {
        return new Caller(token.getSubject(), rolesOf(token), token.getClaimAsString(TokenClaims.DEPARTMENT),
                token.getClaimAsString(TokenClaims.CHANNEL));
    }

    /** The caller behind an authentication whose principal is a token; anything else is no caller. */
    public static Caller of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Jwt token) {
            return of(token);
        }
        Set<Role> roles = authentication == null ? Set.of() : rolesOf(authentication.getAuthorities());
        return new Caller(authentication == null ? null : authentication.getName(), roles, null, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when any role the caller holds may see customers' personal data unmasked. */
    public boolean seesPersonalData() {
        return roles.stream().anyMatch(Role::seesPersonalData);
    }

    /** True when the caller acts only as a department: it may act for its own department alone. */
    public boolean isDepartmentOnly() {
        return has(Role.DEPARTMENT) && roles.stream().noneMatch(role -> role != Role.DEPARTMENT && role != Role.DASHBOARD);
    }

    /** True when the caller acts only as a channel: it may read its own channel's tickets alone. */
    public boolean isChannelOnly() {
        return has(Role.CHANNEL) && roles.stream().noneMatch(role -> role != Role.CHANNEL && role != Role.DASHBOARD);
    }

    static Set<Role> rolesOf(Jwt token) {
        List<String> names = token.getClaimAsStringList(TokenClaims.ROLES);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(name -> Role.fromWireName(name).ifPresent(roles::add));
        }
        return roles;
    }

    static Set<Role> rolesOf(Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        authorities.forEach(authority -> Role.fromAuthority(authority.getAuthority()).ifPresent(roles::add));
        return roles;
    }
}
