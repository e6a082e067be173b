// Emoji by the feeling they show (taxonomy.md cue conventions): 😡 🤬 angry; 😭 🥲 sad → frustrated;
// 😍 🥰 🔥 joy → happy; 👍 👌 approval → praise without feeling.

export type EmojiKind = 'angry' | 'sad' | 'joy' | 'approval';

export interface EmojiCue {
	char: string;
	kind: EmojiKind;
}

const ANGRY = ['😡', '🤬', '👿', '😠', '💢', '🖕'];
const SAD = ['😭', '🥲', '😢', '😞', '😔', '☹', '🙁', '😟', '😩', '😫', '😣', '😖', '😥', '😓', '💔', '🙈', '🤦', '🤷', '😒', '😤', '🙃', '😕', '🤮', '🤢', '😿', '😪'];
const JOY = ['😍', '🥰', '🔥', '😻', '💕', '❤', '💖', '💗', '💓', '💞', '😘', '🤗', '😁', '😊', '☺', '😀', '😃', '😄', '😆', '🥳', '🤩', '💯', '🎉', '🙏', '💐', '🌹', '😋', '🤟', '✨', '💝', '💘', '😇', '🙂', '😉', '😌', '🤤'];
const APPROVAL = ['👍', '👌', '✅', '🆗', '👏', '💪', '🤝', '⭐', '🌟'];

export const EMOJI_CUES: readonly EmojiCue[] = [
	...ANGRY.map((char) => ({ char, kind: 'angry' as const })),
	...SAD.map((char) => ({ char, kind: 'sad' as const })),
	...JOY.map((char) => ({ char, kind: 'joy' as const })),
	...APPROVAL.map((char) => ({ char, kind: 'approval' as const })),
];
