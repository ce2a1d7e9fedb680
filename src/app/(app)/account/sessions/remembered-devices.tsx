import { ButtonForm } from "@/components/forms/button-form";
import { Card } from "@/components/ui/card";
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
      <p className="text-sm text-gray-700 dark:text-gray-300">
        These browsers skip the two-factor code for {REMEMBER_DEVICE_DAYS} days after it was last entered on them.
      </p>
      <ul className="space-y-3" aria-label="Remembered devices">
        {devices.map((d) => (
          <li key={d.id}>
            <Card className="!p-4 sm:!p-5">
              <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
                <p className="text-sm">
                  <span className="font-semibold">{describeUserAgent(d.userAgent)}</span>
                  <span className="block text-gray-600 dark:text-gray-400">
                    {d.ipAddress ?? "Unknown IP"} · remembered on {formatDateTime(d.createdAt)} · until{" "}
                    {formatDateTime(d.expires)}
                  </span>
                </p>
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
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
