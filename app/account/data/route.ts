import { requireSignedInUser } from "@/lib/auth/request-user";
import { apiRoute } from "@/app/_lib/route";
import { exportMyData } from "@/lib/auth/account";

/** "Download my data": the signed-in user's account, card states and reviews as a JSON file. 401 signed out. */
export const GET = apiRoute(async (request: Request) => {
  const user = await requireSignedInUser(request);
  const now = new Date();
  const data = await exportMyData(user, now);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="clio-my-data-${now.toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});
