import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { getLocale, getMessages } from "next-intl/server";
import { AppProviders } from "@/components/providers/app-providers";
import "./globals.css";

// Self-hosted from the npm package: builds and runs offline, no request to a font CDN.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  variable: "--font-inter",
  display: "swap",
});

// The brand mark inline: no favicon file to serve, and browsers stop asking for /favicon.ico.
const ICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0b8a4c"/>' +
      '<path d="M8 15.3C8 11.3 11.6 8 16 8s8 3.3 8 7.3-3.6 7.4-8 7.4c-1 0-2-.2-2.9-.5L9 23.5l1.1-3.3C8.8 18.9 8 17.2 8 15.3Z" fill="#fff" fill-opacity=".22" stroke="#fff" stroke-width="1.7" stroke-linejoin="round"/>' +
      '<path d="M12.6 15.3h.01M16 15.3h.01M19.4 15.3h.01" stroke="#fff" stroke-width="2.2" stroke-linecap="round"/></svg>',
  );

export const metadata: Metadata = {
  title: { default: "CX Inbox", template: "%s · CX Inbox" },
  description: "WhatsApp customer experience inbox",
  icons: { icon: ICON },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#17181c" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  return (
    // next-themes sets the class on <html> before hydration.
    <html lang={locale} className={inter.variable} suppressHydrationWarning>
      <body className="min-h-dvh font-sans">
        <AppProviders locale={locale} messages={messages}>
          {children}
        </AppProviders>
      </body>
    </html>
  );
}
