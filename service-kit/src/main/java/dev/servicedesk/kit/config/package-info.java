/** Configuration defaults every service shares; each service's own YAML overrides them. */
package dev.servicedesk.kit.config;
