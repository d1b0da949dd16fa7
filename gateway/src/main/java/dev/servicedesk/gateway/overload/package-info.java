/** Load shedding at the front door: a request is answered 503 before any framework work while the gateway's event loops lag. */
package dev.servicedesk.gateway.overload;
