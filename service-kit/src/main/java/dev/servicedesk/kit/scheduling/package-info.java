/** Background work that runs at fixed intervals while a service runs. */
package dev.servicedesk.kit.scheduling;
