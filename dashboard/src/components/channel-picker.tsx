import { channels, type Channel } from '@kitchensync/shared';
import { channelLabel } from '../model/labels.ts';

export function ChannelPicker({ value, onChange }: { value: Channel; onChange: (c: Channel) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Channel">
      {channels.map((c) => (
        <button key={c} type="button" role="radio" aria-checked={value === c} className="segmented__option" data-channel={c} onClick={() => onChange(c)}>
          {channelLabel[c]}
        </button>
      ))}
    </div>
  );
}
