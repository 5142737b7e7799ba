"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrentSection } from "@/app/_components/nav-current";

/** The header's section links, the current one marked for screen readers and by eye. */
export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
      {links.map(({ href, label }) => {
        const current = isCurrentSection(pathname, href);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              className={`inline-block py-1 text-sm ${current ? "font-semibold text-ink underline decoration-2 underline-offset-8" : "text-muted hover:text-ink"}`}
            >
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
