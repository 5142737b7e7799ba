import { z } from "zod";
import { requireSignedInUser } from "@/lib/auth/request-user";
import { apiRoute } from "@/app/_lib/route";
import { exportDeckAs } from "@/lib/interop/export-file";

const QueryParamsSchema = z.object({
  format: z.enum(["apkg", "csv"], { error: 'format must be "apkg" (Anki package) or "csv"' }),
});

/**
 * GET /api/decks/:slug/export?format=apkg|csv: the deck as a file to download, for anyone who may
 * see the deck; an .apkg carries the signed-in user's own scheduling and review history.
 */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const user = await requireSignedInUser(request);
  const { slug } = await params;
  const { format } = QueryParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const file = await exportDeckAs(user, slug, format, new Date());
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      // The slug is [a-z0-9-] only (SlugSchema), so the file name needs no quoting beyond this.
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
