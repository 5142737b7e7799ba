import { requireSignedInUser } from "@/lib/auth/request-user";
import { apiRoute } from "@/app/_lib/route";
import { computeAssignmentDashboard, studentsCsv, studentsCsvFileName } from "@/lib/classes/dashboard";

type Context = { params: Promise<{ classId: string; assignmentId: string }> };

/** The dashboard's student table as CSV. Owner only: 401 signed out, 403 a student of the class, 404 anyone else. */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const user = await requireSignedInUser(request);
  const { classId, assignmentId } = await params;
  const dashboard = await computeAssignmentDashboard(user, { classId, assignmentId }, new Date());
  return new Response(studentsCsv(dashboard), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${studentsCsvFileName(dashboard)}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
