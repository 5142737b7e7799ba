import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-4 py-16 text-center">
      <p className="text-5xl font-bold text-muted">404</p>
      <h1 className="text-xl font-semibold">We couldn’t find that page</h1>
      <p className="text-muted">It may have moved, or it isn’t shared with you.</p>
      <Link href="/" className="btn-primary">
        Back to your decks
      </Link>
    </div>
  );
}
