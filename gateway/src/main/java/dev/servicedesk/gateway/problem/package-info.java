/**
 * RFC 9457 problem details for every error the gateway produces itself: no route (404), rate limited
 * (429), backend unreachable or too slow (503 with Retry-After). Never an HTML page, never a bare 500.
 */
package dev.servicedesk.gateway.problem;
