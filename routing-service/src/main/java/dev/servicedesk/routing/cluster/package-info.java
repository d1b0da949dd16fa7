/** Problem clusters: several customers reporting the same product or batch in a short window, shared across instances through MongoDB. */
package dev.servicedesk.routing.cluster;
