package dev.coffer.vault.core.internal.keys;

import dev.coffer.vault.SkuName;
import dev.coffer.vault.core.internal.objects.DataPlane;
import dev.coffer.vault.core.internal.objects.PayloadCodec;
import dev.coffer.vault.keys.KeyOperation;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.KeyReference;
import dev.coffer.vault.spi.ProtectionLevel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A key version in a backup body: the provider id, the provider's own protected export (never the
 * material in the clear; {@link dev.coffer.vault.core.internal.objects.ObjectLifecycle} seals the whole
 * body again under the subscription-bound key) and the permitted operations. The name-level metadata
 * carries the rotation policy and the versions already notified.
 */
final class KeyPayloadCodec implements PayloadCodec<KeyPayload> {
    private static final int MAX_EXPORT = 64 * 1024;
    private static final int MAX_OPS = 16;
    private static final int MAX_NOTIFIED = 1000;

    private final DataPlane plane;

    KeyPayloadCodec(DataPlane plane) {
        this.plane = plane;
    }

    @Override
    public void write(DataOutputStream out, KeyPayload payload) throws IOException {
        KeyReference ref = payload.reference();
        out.writeUTF(ref.providerId());
        byte[] export = payload.provider().exportForBackup(ref);
        out.writeInt(export.length);
        out.write(export);
        out.writeInt(payload.keyOps().size());
        for (KeyOperation op : payload.keyOps()) {
            out.writeUTF(op.toString());
        }
    }

    @Override
    public KeyPayload read(DataInputStream in) throws IOException {
        CryptoProvider provider = plane.services().cryptoProviders().byId(in.readUTF());
        if (provider.protectionLevel() == ProtectionLevel.HSM && plane.vault().properties().sku() != SkuName.PREMIUM) {
            throw CryptoProviders.hardwareOnStandard();
        }
        int n = in.readInt();
        if (n < 1 || n > MAX_EXPORT) {
            throw new IOException("bad export length");
        }
        byte[] export = new byte[n];
        in.readFully(export);
        int opCount = in.readInt();
        if (opCount < 0 || opCount > MAX_OPS) {
            throw new IOException("bad key_ops count");
        }
        List<KeyOperation> ops = new ArrayList<>(opCount);
        for (int i = 0; i < opCount; i++) {
            ops.add(KeyOperation.fromString(in.readUTF()));
        }
        KeyReference ref = provider.importFromBackup(export);
        return new KeyPayload(provider, ref, provider.publicKey(ref), KeyRules.checkOperations(ops));
    }

    @Override
    public void writeMeta(DataOutputStream out, Object meta) throws IOException {
        KeyMeta m = KeyMeta.of(meta);
        RotationPolicyRecord p = m.policy();
        out.writeBoolean(p != null);
        if (p != null) {
            writePeriod(out, p.rotateAfterCreate());
            writePeriod(out, p.rotateBeforeExpiry());
            writePeriod(out, p.notifyBeforeExpiry());
            writePeriod(out, p.expiresIn());
            out.writeLong(p.created().getEpochSecond());
            out.writeLong(p.updated().getEpochSecond());
        }
        out.writeInt(m.notified().size());
        for (String v : m.notified()) {
            out.writeUTF(v);
        }
    }

    @Override
    public Object readMeta(DataInputStream in) throws IOException {
        RotationPolicyRecord p = null;
        if (in.readBoolean()) {
            p = new RotationPolicyRecord(readPeriod(in), readPeriod(in), readPeriod(in), readPeriod(in),
                    Instant.ofEpochSecond(in.readLong()), Instant.ofEpochSecond(in.readLong()));
        }
        int n = in.readInt();
        if (n < 0 || n > MAX_NOTIFIED) {
            throw new IOException("bad notified count");
        }
        Set<String> notified = new HashSet<>();
        for (int i = 0; i < n; i++) {
            notified.add(in.readUTF());
        }
        return p == null && notified.isEmpty() ? null : new KeyMeta(p, notified);
    }

    private static void writePeriod(DataOutputStream out, IsoPeriod p) throws IOException {
        out.writeBoolean(p != null);
        if (p != null) {
            out.writeUTF(p.text());
        }
    }

    private static IsoPeriod readPeriod(DataInputStream in) throws IOException {
        return in.readBoolean() ? IsoPeriod.parse("backup", in.readUTF()) : null;
    }
}
