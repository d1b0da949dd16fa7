/** Runtime pieces every service shares, so no service copies them. */
package dev.servicedesk.kit;
