package dev.coffer.vault.core;

import dev.coffer.vault.core.internal.pipeline.Caller;
import dev.coffer.vault.core.internal.pipeline.Operation;
import dev.coffer.vault.core.internal.pipeline.Stage;

/** Adapts a {@link FaultInjector} to the pipeline's fault stage; kept package-private. */
final class FaultStage implements Stage {
    private final FaultInjector injector;

    FaultStage(FaultInjector injector) {
        this.injector = injector;
    }

    @Override
    public void check(Caller caller, Operation<?> op) {
        injector.apply(op.name(), op.scope().objectName().orElse(null), caller.objectId());
    }
}
