/**
 * A heading whose level fits where the widget sits: an island under an h2 section starts at h3,
 * so the page's outline (and axe's heading-order rule) stays intact.
 */
import { createElement, type ReactNode } from 'react';

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

export const below = (level: HeadingLevel): HeadingLevel => Math.min(6, level + 1) as HeadingLevel;

export default function Heading({
  level,
  id,
  className,
  children,
}: {
  level: HeadingLevel;
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  return createElement(`h${level}`, { id, className }, children);
}
