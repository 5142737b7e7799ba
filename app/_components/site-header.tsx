import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signOutAction } from "@/app/account/actions";
import { NavLinks } from "@/app/_components/nav-links";

// Phone first: the brand, Account and Sign out share the first row at every width; the section links
// take a row of their own below 640 px, so nothing is hidden and nothing scrolls sideways at 360 px.
export async function SiteHeader() {
  const user = await getCurrentUser();
  const links = user
    ? [
        { href: "/", label: "Decks" },
        { href: "/progress", label: "Progress" },
        { href: "/classes", label: "Classes" },
        ...(user.role === "teacher" ? [{ href: "/drafts", label: "Drafts" }] : []),
      ]
    : [];
  return (
    <header className="border-b border-line bg-surface">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:flex-nowrap sm:px-6"
      >
        <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-accent font-serif text-accent-ink">
            C
          </span>
          Clio
        </Link>
        {user ? (
          <>
            <div className="order-last w-full sm:order-none sm:w-auto">
              <NavLinks links={links} />
            </div>
            <div className="ml-auto flex min-w-0 items-center gap-3">
              <Link
                href="/account"
                className="flex min-w-0 items-center gap-1 text-sm text-muted hover:text-ink"
                data-testid="account-link"
              >
                <span className="truncate">
                  <span className="sr-only">Account: </span>
                  {user.name}
                </span>
                <span className="shrink-0 rounded bg-accent-soft px-1.5 py-0.5 text-xs text-accent">{user.role}</span>
              </Link>
              <form action={signOutAction} className="shrink-0">
                <button type="submit" className="btn-secondary whitespace-nowrap px-3 py-1.5">
                  Sign out
                </button>
              </form>
            </div>
          </>
        ) : (
          <div className="ml-auto flex items-center gap-2">
            <Link href="/sign-in" className="btn-secondary py-1.5">
              Sign in
            </Link>
            <Link href="/sign-up" className="btn-primary py-1.5">
              Sign up
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
