import type { PrintJob } from '@kitchensync/shared';
import { formatClock } from '../../model/format.ts';
import { jobsInView } from '../../model/print-jobs.ts';
import { jobStatusLabel, printKindLabel } from '../../model/printer-form.ts';

/** A printer's jobs with their state (waiting, printing, printed, failed with the reason) and a reprint. */
export function PrintJobList({ jobs, onReprint }: { jobs: readonly PrintJob[]; onReprint: (job: PrintJob) => void }) {
  const list = jobsInView(jobs);
  if (list.length === 0) return <p className="muted small">Nothing printed yet.</p>;
  return (
    <ul className="print-jobs" aria-label="Print jobs">
      {list.map((job) => (
        <li key={job.id} className="print-job" data-job-id={job.id} data-status={job.status}>
          <div className="print-job__what">
            <strong>{job.doc.number}</strong> {printKindLabel[job.doc.kind]}
            {job.doc.stationName ? ` · ${job.doc.stationName}` : ''}
            <span className="muted small"> · {formatClock(job.createdAt)}</span>
            {job.possibleDuplicate && <span className="muted small"> · possible duplicate</span>}
          </div>
          <span className={`job-status job-status--${job.status}`}>{jobStatusLabel[job.status]}</span>
          {job.status === 'failed' && job.failure && <p className="print-job__failure small">{job.failure}</p>}
          {job.kitchenOrderId && job.doc.kind !== 'void' && (
            <button type="button" className="btn btn--small btn--ghost" aria-label={`Reprint ${job.doc.number}`} onClick={() => onReprint(job)}>
              Reprint
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
