/**
 * Every service checks the caller's token itself (defence in depth): the same role matrix as the
 * gateway, intake's {@code /internal/**} for staff only, customers' personal data masked for roles that
 * do not need it, and the request's correlation id carried into the events it causes.
 */
package dev.servicedesk.kit.security;
