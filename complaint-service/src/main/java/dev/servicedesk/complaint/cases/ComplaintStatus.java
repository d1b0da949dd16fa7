package dev.servicedesk.complaint.cases;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Steps of the complaint workflow, DOMAIN §5. */
enum ComplaintStatus {
    @JsonProperty("registered")
    REGISTERED
}
