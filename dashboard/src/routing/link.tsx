import type { MouseEvent, ReactNode } from 'react';
import { routePath, type Route } from './routes.ts';
import { navigate } from './use-route.ts';

/** An anchor that navigates in-app on a plain click and behaves like a link otherwise. */
export function Link(props: { to: Route; className?: string; children: ReactNode; 'aria-current'?: 'page' | undefined }) {
  const href = routePath(props.to);
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={href} className={props.className} onClick={onClick} aria-current={props['aria-current']}>
      {props.children}
    </a>
  );
}
