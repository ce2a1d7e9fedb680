import { ButtonForm } from "@/components/forms/button-form";
import { ListItem } from "@/components/ui/list-item";
import { formatDateTime } from "@/lib/format";
import { describeUserAgent } from "@/lib/user-agent";
import { listRememberedDevices, REMEMBER_DEVICE_DAYS } from "@/server/two-factor/remembered-devices";
import { forgetDeviceAction } from "./actions";

/** Devices that skip the two-factor prompt ("Remember this device"), each revocable. */
export async function RememberedDevices({ userId }: { userId: string }) {
  const devices = await listRememberedDevices(userId);
  if (devices.length === 0) return null;
  return (
    <section aria-labelledby="remembered-devices" className="space-y-3">
      <h2 id="remembered-devices" className="text-lg font-semibold">
        Remembered devices
      </h2>
      <p className="text-sm text-muted-foreground">
        These browsers skip the two-factor code for {REMEMBER_DEVICE_DAYS} days after it was last entered on them.
      </p>
      <ul className="space-y-3" aria-label="Remembered devices">
        {devices.map((d) => (
          <ListItem
            key={d.id}
            title={describeUserAgent(d.userAgent)}
            details={
              <>
                {d.ipAddress ?? "Unknown IP"} · remembered on {formatDateTime(d.createdAt)} · until{" "}
                {formatDateTime(d.expires)}
              </>
            }
          >
            <div className="sm:w-36">
              <ButtonForm
                action={forgetDeviceAction}
                label="Forget this device"
                values={{ deviceId: d.id }}
                submitLabel="Forget"
                pendingLabel="Forgetting…"
                variant="secondary"
              />
            </div>
          </ListItem>
        ))}
      </ul>
    </section>
  );
}
