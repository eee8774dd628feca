package org.kashbridge.pipeline;

/** Terminal status of one edit. */
public enum EditStatus {
    /** Kash answered success:true. */
    OK,
    /** Not sendable (validation) or refused by Kash (success:false): fix the data, do not retry as is. */
    REJECTED,
    /** Technical failure: network, timeout, non-2xx or non-JSON reply. */
    FAILED
}
