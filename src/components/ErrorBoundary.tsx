/**
 * Catches a render error in an island and shows what failed in words, instead of React unmounting
 * the island and leaving a blank space. The rest of the page (server-rendered) keeps working.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the island is, for the message: "The comparison", "The calculator". */
  label: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export default class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for whoever reports the bug; the page shows the short message.
    console.error(`${this.props.label} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="notice error" role="alert">
        <p>
          {this.props.label} stopped working: {error.message}
        </p>
        <p>Reload the page to try again. The rest of this page still works.</p>
      </div>
    );
  }
}
