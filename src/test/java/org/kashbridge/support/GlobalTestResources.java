package org.kashbridge.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Declares the test resources every @QuarkusTest shares. */
@QuarkusTestResource(FreePortResource.class)
@QuarkusTestResource(GreenMailResource.class)
public final class GlobalTestResources {
    private GlobalTestResources() {
    }
}
