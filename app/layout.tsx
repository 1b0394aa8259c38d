import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import { siteNav } from '@/lib/server/site-nav';
import { viewerZone } from '@/lib/server/viewer-zone';
import { withDb } from '@/lib/server/with-db';
import { ZoneProvider } from '@/components/ui/zone';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Counterpoint', template: '%s · Counterpoint' },
  description: 'Prepare a debate: map the arguments for and against two opposing articles.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await withDb(siteNav);
  const zone = await viewerZone();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <ZoneProvider zone={zone}>
          <SiteHeader user={user} />
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-7xl px-4 pb-16 pt-6 sm:px-6"
          >
            {children}
          </main>
        </ZoneProvider>
      </body>
    </html>
  );
}
