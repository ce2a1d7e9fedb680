"use server";

import { crossSiteProblem } from "@/server/forms/validated-action";
import { saveTheme } from "@/server/theme";
import { parseTheme } from "@/lib/theme";

/** The header's theme toggle (with or without JavaScript): anything but light or dark is "system". */
export async function setThemeAction(formData: FormData): Promise<void> {
  if (await crossSiteProblem()) return;
  await saveTheme(parseTheme(formData.get("theme")));
}
